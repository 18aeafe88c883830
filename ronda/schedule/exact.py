"""The last open places, solved exactly: when the chains leave a place or a leader post open
that someone could come to by their weekdays, the nights around it are planned again as a small
integer program and solved to proven optimum by HiGHS.

Chains move a few people at a time; some rosters need many moves at once (everyone free at
the weekend is also needed Monday to Thursday, and the rest rule ties their nights together),
and no short chain finds them. An exact solve does. It runs only where places are still open
and only over nights near them, so an ordinary build never pays for it.

The model, for the nights of a window, with everything outside it and every settled or
hand-placed duty kept as it is:

* ``x[p, s]`` = 1 when person ``p`` is on shift ``s`` (only people the roster and the kept
  duties allow: weekday, away periods, rest and weekly maximum against kept duties,
  housemates kept that night); ``y[p, s]`` = 1 when leader ``p`` leads ``s``;
* a shift takes at most its head count and one leader; a person serves at most once in any
  ``rest + 1`` consecutive nights and at most their weekly maximum in a week; one of a
  household a night; a leader leads only a shift they are on;
* ``z`` = 1 for each leader want met (a shift, or a night when the roster has fewer leaders
  than shifts a night).

It is solved in stages, each keeping what the one before reached: most places filled, then
most leader wants met, then the smallest busiest total (history included), then the plan as
it stood kept as far as possible (stability: only what has to move moves). Fairness between
the others is then the balancing passes' work, as for any plan.

Every solve is bounded by a node limit (so the same input gives the same plan) and by a time
limit as a safety net; a result is taken only when it fills more than the plan had.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from time import perf_counter
from typing import TYPE_CHECKING, Any

from ronda.schedule.lightest import closest, even, lightest
from ronda.schedule.rules import blocked

if TYPE_CHECKING:
    from ronda.schedule.chains import Chains

MARGIN = 14  # nights on either side of an open place that may be planned again
MAX_VARIABLES = 12_000  # a window bigger than this is left to the chains
NODE_LIMIT = 5_000
TIME_LIMIT = 3.0  # seconds a solve may take at most (a safety net; the node limit binds first)
TOTAL_TIME = 6.0  # seconds all exact solves of one build may take together


@dataclass
class _Model:
    """A 0/1 program in row form: columns with bounds, rows of (column, coefficient)."""

    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    rows: list[tuple[float, float, list[tuple[int, float]]]] = field(default_factory=list)

    def column(self, upper: float = 1.0, integer: bool = True) -> int:
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.upper) - 1

    def row(self, low: float, high: float, terms: list[tuple[int, float]]) -> None:
        if terms:
            self.rows.append((low, high, terms))


_QUIET: list[type] = []


def _quiet_highs(highspy: Any) -> Any:
    """A HiGHS instance that never writes to the terminal. highspy 1.16 builds its callbacks in
    the constructor, and that logs HiGHS's banner to stdout unless output is off first."""
    if not _QUIET:
        class Quiet(highspy.Highs):
            def enableCallbacks(self) -> Any:  # noqa: N802 (highspy's name)
                self.setOptionValue("output_flag", False)
                return super().enableCallbacks()

        _QUIET.append(Quiet)
    h = _QUIET[0]()
    h.setOptionValue("output_flag", False)
    return h


class _Solver:
    """One HiGHS model solved stage by stage (each stage's optimum kept as a row)."""

    def __init__(self, model: _Model, start: Sequence[float], seconds: float) -> None:
        import highspy
        import numpy as np

        self.np = np
        self.h = h = _quiet_highs(highspy)
        h.setOptionValue("threads", 1)
        h.setOptionValue("random_seed", 0)
        h.setOptionValue("mip_max_nodes", NODE_LIMIT)
        h.setOptionValue("time_limit", max(0.1, min(TIME_LIMIT, seconds)))
        h.setOptionValue("mip_rel_gap", 0.0)
        n = len(model.upper)
        self.n = n
        h.addVars(n, np.zeros(n), np.array(model.upper, dtype=float))
        ints = [i for i, is_int in enumerate(model.integer) if is_int]
        h.changeColsIntegrality(len(ints), np.array(ints, dtype=np.int32),
                                np.array([highspy.HighsVarType.kInteger] * len(ints)))
        # the rows in one call: 5 ms for the 3,075 rows of the two-shift demo, not 14
        starts: list[int] = []
        columns: list[int] = []
        values: list[float] = []
        for _, _, terms in model.rows:
            starts.append(len(columns))
            columns.extend(c for c, _ in terms)
            values.extend(v for _, v in terms)
        h.addRows(len(model.rows), np.array([r[0] for r in model.rows], dtype=float),
                  np.array([r[1] for r in model.rows], dtype=float), len(columns),
                  np.array(starts, dtype=np.int32), np.array(columns, dtype=np.int32),
                  np.array(values, dtype=float))
        self.start = list(start)
        self.status_ok = {highspy.HighsModelStatus.kOptimal,
                          highspy.HighsModelStatus.kSolutionLimit,
                          highspy.HighsModelStatus.kTimeLimit,
                          highspy.HighsModelStatus.kIterationLimit}
        self.optimal = highspy.HighsModelStatus.kOptimal
        self.sense = highspy.ObjSense
        self.proved = True

    def _add_row(self, low: float, high: float, terms: list[tuple[int, float]]) -> None:
        np = self.np
        self.h.addRow(low, high, len(terms), np.array([c for c, _ in terms], dtype=np.int32),
                      np.array([v for _, v in terms], dtype=float))

    def best(self, costs: dict[int, float], maximize: bool, gap: float = 1e-6
             ) -> tuple[float, list[float]] | None:
        """The best value of ``costs`` (its solution), kept as a bound for later stages.
        ``gap``: how close the solver's bound may come to a solution for it to count as
        proved (no value ``costs`` can take lies closer to the best)."""
        np, h = self.np, self.h
        h.setOptionValue("mip_abs_gap", gap)
        h.changeColsCost(self.n, np.arange(self.n, dtype=np.int32),
                         np.array([costs.get(i, 0.0) for i in range(self.n)], dtype=float))
        h.changeObjectiveSense(self.sense.kMaximize if maximize else self.sense.kMinimize)
        h.setSolution(highspy_solution(self.start))
        h.run()
        status = h.getModelStatus()
        if status not in self.status_ok or h.getInfo().primal_solution_status != 2:
            return None
        self.proved = self.proved and status == self.optimal
        values = list(h.getSolution().col_value)
        value = sum(costs.get(i, 0.0) * v for i, v in enumerate(values))
        self.start = values
        self.bound(costs, value, maximize)
        return value, values

    def bound(self, costs: dict[int, float], value: float, maximize: bool) -> None:
        """Keep ``costs`` at least (``maximize``) or at most ``value`` from now on."""
        terms = list(costs.items())
        if maximize:
            self._add_row(value - 1e-6, float("inf"), terms)
        else:
            self._add_row(-float("inf"), value + 1e-6, terms)


def highspy_solution(values: Sequence[float]) -> Any:
    import highspy
    import numpy as np

    solution = highspy.HighsSolution()
    solution.col_value = np.array(values, dtype=float)
    solution.value_valid = True
    return solution


def fill_exactly(chains: Chains, deadline: float = TOTAL_TIME) -> bool:
    """Plan again, exactly, the nights around every place or leader post the chains left
    open that someone could come to. Duties kept from before may move for it (coverage comes
    before stability); settled shifts and hand placements never. Returns whether the busiest
    total is proved minimal too (the whole range solved at once, nothing kept from before)."""
    started = perf_counter()
    proved = False
    for first, last in _windows(chains):
        left = deadline - (perf_counter() - started)
        if left <= 0 or not _open_in(chains, _shifts_between(chains, first, last)):
            continue
        whole = (first, last) == (chains.shifts[0].date, chains.shifts[-1].date)
        provable = whole and chains.b.frozen <= chains.b.pinned
        _solve_window(chains, first, last, left, chains.b.pinned, busiest=provable)
        proved |= provable
    return proved


def lighten_exactly(chains: Chains, seconds: float = TOTAL_TIME) -> bool:
    """Make the busiest person's total as small as the rules allow, keeping every place and
    leader post filled, when the whole range is small enough to solve at once (else that is
    left to the chains); whether anything changed. Duties kept from before stay: a rebuild
    does not reshuffle to gain a duty of spread."""
    if not chains.shifts or even(chains.load):
        return False
    first, last = chains.shifts[0].date, chains.shifts[-1].date
    if not _small(chains, first, last):
        return False
    return _solve_window(chains, first, last, seconds, chains.b.frozen, busiest=True)


def _kept(chains: Chains, window: list[int], fixed: set[tuple[int, int]]
          ) -> set[tuple[int, int]]:
    """The duties of ``window`` an exact solve leaves where they are: ``fixed``, and every
    duty of a shift that has more people than it asks (duties kept from before a change of
    head count): no plan is wanted there, only none lost."""
    over = {(i, p) for i in window if len(chains.shifts[i].volunteers) > chains.required(i)
            for p in chains.shifts[i].volunteers}
    return fixed | over if over else fixed


def solvable_at_once(chains: Chains) -> bool:
    """Whether the plan's whole range is small enough for one exact solve."""
    return bool(chains.shifts) and _small(chains, chains.shifts[0].date, chains.shifts[-1].date)


def _small(chains: Chains, first: date, last: date) -> bool:
    nights = (last - first).days + 1
    return nights * len(chains.by_id) * len(chains.rules.slots) <= MAX_VARIABLES


def _shifts_between(chains: Chains, first: date, last: date) -> list[int]:
    return [i for i, s in enumerate(chains.shifts)
            if first <= s.date <= last and not chains.settled(i)]


def _open(chains: Chains) -> list[date]:
    return sorted({chains.shifts[i].date for i in range(len(chains.shifts))
                   if (chains.short(i) and chains.could_come(i, False))
                   or (chains.wants_leader(i) and chains.could_come(i, True))})


def _windows(chains: Chains) -> list[tuple[date, date]]:
    """Stretches of nights to plan again: the whole range when it is small enough, else
    ``MARGIN`` nights either side of each open night, overlapping stretches merged."""
    open_nights = _open(chains)
    if not open_nights or not chains.shifts:
        return []
    first, last = chains.shifts[0].date, chains.shifts[-1].date
    if _small(chains, first, last):
        return [(first, last)]
    spans: list[list[date]] = []
    for d in open_nights:
        a = max(first, d - timedelta(days=MARGIN))
        b = min(last, d + timedelta(days=MARGIN))
        if spans and a <= spans[-1][1] + timedelta(days=1):
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    return [(a, b) for a, b in spans]


def _solve_window(chains: Chains, first: date, last: date, seconds: float,
                  fixed: set[tuple[int, int]], *, busiest: bool) -> bool:
    """Plan the shifts from ``first`` to ``last`` again, exactly, moving any duty not in
    ``fixed``: more places, then more leader posts, then (``busiest``) a lighter busiest
    total. The result is kept only when it beats the plan as it stood on one of them."""
    b, rules, by_id, shifts = chains.b, chains.rules, chains.by_id, chains.shifts
    window = _shifts_between(chains, first, last)
    size = sum(1 for i in window for _ in by_id) * (2 if b.has_leaders else 1)
    if size > MAX_VARIABLES:
        return False
    places_open = any(chains.short(i) and chains.could_come(i, False) for i in window)
    leads_open = any(chains.wants_leader(i) and chains.could_come(i, True) for i in window)
    fixed = _kept(chains, window, fixed)
    # the busiest total already as light as a bound allows: solved for only when the places
    # or leader posts solved first change the plan, and with none open nothing is solved
    light = busiest and lightest(chains, window, fixed)
    if light and not places_open and not leads_open:
        return False
    before = _score(chains, window)
    mark = len(chains.journal)
    current: dict[tuple[int, int], bool] = {}  # (shift, person) -> led: what may move
    for i in window:
        s = shifts[i]
        for p in s.volunteers:
            if p in by_id and (i, p) not in fixed:
                current[(i, p)] = s.leader == p
    for (i, p) in current:
        chains.remove(i, p)

    m = _Model()
    x: dict[tuple[int, int], int] = {}
    y: dict[tuple[int, int], int] = {}
    for i in window:
        s = shifts[i]
        room = chains.required(i) - len(s.volunteers)
        if room <= 0:
            continue
        for p, v in by_id.items():
            if p not in s.volunteers and blocked(v, s.date, chains.ledger, rules) is None:
                x[(i, p)] = m.column()
                if b.has_leaders and v.leader and s.leader is None:
                    y[(i, p)] = m.column()
        m.row(0, room, [(x[(i, p)], 1.0) for p in by_id if (i, p) in x])
        m.row(0, 1, [(y[(i, p)], 1.0) for p in by_id if (i, p) in y])
    for (i, p), col in y.items():
        m.row(-float("inf"), 0, [(col, 1.0), (x[(i, p)], -1.0)])
    _person_rows(chains, m, x)
    if chains.rules.households:
        _household_rows(chains, m, x)
    wants = _want_rows(chains, m, window, y)

    heaviest = m.column(upper=float("inf"), integer=False)
    fixed_max = max((chains.load[p] for p in by_id), default=0.0)
    m.row(fixed_max, float("inf"), [(heaviest, 1.0)])
    mine: dict[int, list[int]] = defaultdict(list)
    for (_, p), col in x.items():
        mine[p].append(col)
    for p, cols in mine.items():  # heaviest >= load of p
        m.row(chains.load[p], float("inf"), [(heaviest, 1.0), *((c, -1.0) for c in cols)])

    start = [0.0] * len(m.upper)  # the plan as it stood: a solution to improve on
    for (i, p), led in current.items():
        start[x[(i, p)]] = 1.0
        if led and (i, p) in y:
            start[y[(i, p)]] = 1.0
    start[heaviest] = max([fixed_max, *(chains.load[p] + sum(start[c] for c in cols)
                                        for p, cols in mine.items())])
    for col, members in wants:
        start[col] = 1.0 if any(start[c] for c in members) else 0.0

    goals = [({col: 1.0 for col in x.values()}, True, places_open, 1e-6, False),
             ({col: 1.0 for col, _ in wants}, True, leads_open, 1e-6, False),
             ({heaviest: 1.0}, False, busiest, closest(chains.load.values()), light)]
    values = _improve(m, start, seconds, goals, {x[k]: 1.0 for k in current})
    if values is None:
        chains.rollback(mark)
        return False
    chosen = {(i, p) for (i, p), col in x.items() if values[col] > 0.5}
    leads = {(i, p) for (i, p), col in y.items() if values[col] > 0.5}
    for i, p in sorted(chosen, key=lambda k: (k not in current, k)):
        chains.add(i, p, lead=(i, p) in leads)
    after = _score(chains, window)
    if after[:2] < before[:2] or (after[:2] == before[:2] and after[2] >= before[2] - 1e-9):
        chains.rollback(mark)  # nothing gained: the plan stays as it was
        return False
    b.frozen -= {k for k in current if k not in chosen}
    chains.journal.clear()
    return True


def _improve(m: _Model, start: list[float], seconds: float,
             goals: list[tuple[dict[int, float], bool, bool, float, bool]],
             keep: dict[int, float]) -> list[float] | None:
    """Solve the goals in order (each ``(costs, maximize, solve, gap, reached)``; one not
    solved keeps the value it has in ``start``, and so does one ``reached`` already while no
    goal before it has changed the plan), then keep as much of ``start`` as they allow
    (``keep``). None when no goal beats ``start``."""
    solver = _Solver(m, start, seconds)
    improved = False
    values = start
    for costs, maximize, solve, gap, reached in goals:
        if not costs:
            continue
        now = sum(c * start[i] for i, c in costs.items())
        if not solve or (reached and not improved):
            solver.bound(costs, now, maximize)
            continue
        result = solver.best(costs, maximize, gap)
        if result is None:
            break
        value, values = result
        improved |= value > now + 1e-6 if maximize else value < now - 1e-6
    if not improved:
        return None
    if keep:
        result = solver.best(keep, True)
        if result is not None:
            values = result[1]
    return values


def _open_in(chains: Chains, window: list[int]) -> bool:
    return any((chains.short(i) and chains.could_come(i, False))
               or (chains.wants_leader(i) and chains.could_come(i, True)) for i in window)


def _score(chains: Chains, window: list[int]) -> tuple[int, int, float]:
    """Places filled, leader wants met (as minus those open) and the busiest total."""
    return (_places(chains, window), _wants_met(chains, window),
            max(chains.load.values(), default=0.0))


def _places(chains: Chains, window: list[int]) -> int:
    return sum(min(len(chains.shifts[i].volunteers), chains.required(i)) for i in window)


def _wants_met(chains: Chains, window: list[int]) -> int:
    if not chains.b.has_leaders:
        return 0
    return -sum(1 for i in window if chains.wants_leader(i))


def _person_rows(chains: Chains, m: _Model, x: dict[tuple[int, int], int]) -> None:
    """Rest (at most one duty in any ``rest + 1`` nights) and the weekly maximum."""
    rules, shifts = chains.rules, chains.shifts
    by_person: dict[int, dict[date, list[int]]] = defaultdict(lambda: defaultdict(list))
    for (i, p), col in x.items():
        by_person[p][shifts[i].date].append(col)
    for p, days in by_person.items():
        dates = sorted(days)
        for d in dates:  # windows starting at each night with a variable cover every pair
            terms = [(c, 1.0) for k in range(rules.rest + 1)
                     for c in days.get(d + timedelta(days=k), [])]
            m.row(0, 1, terms)
        limit = chains.by_id[p].max_per_week or rules.max_per_week
        if limit is None:
            continue
        weeks: dict[date, list[int]] = defaultdict(list)
        for d in dates:
            weeks[d - timedelta(days=d.weekday())].extend(days[d])
        for monday, cols in weeks.items():
            kept = chains.ledger.between(p, monday, monday + timedelta(days=6))
            if len(cols) > limit - kept:
                m.row(0, limit - kept, [(c, 1.0) for c in cols])


def _household_rows(chains: Chains, m: _Model, x: dict[tuple[int, int], int]) -> None:
    """One of a household a night."""
    houses: dict[tuple[date, str], list[int]] = defaultdict(list)
    for (i, p), col in x.items():
        house = chains.by_id[p].household
        if house:
            houses[(chains.shifts[i].date, house.casefold())].append(col)
    for cols in houses.values():
        if len(cols) > 1:
            m.row(0, 1, [(c, 1.0) for c in cols])


def _want_rows(chains: Chains, m: _Model, window: list[int], y: dict[tuple[int, int], int]
               ) -> list[tuple[int, list[int]]]:
    """A column for each leader want of the window, at most the leaders it has: a shift's
    own, or a night's when the roster has fewer leaders than shifts a night."""
    if not chains.b.has_leaders:
        return []
    leads: dict[int, list[int]] = defaultdict(list)
    for (i, _), col in y.items():
        leads[i].append(col)
    groups: list[list[int]] = []
    if chains.b.leader_per_shift:
        groups = [[i] for i in window if chains.wants_leader(i)]
    else:
        by_night: dict[date, list[int]] = defaultdict(list)
        for i in window:
            by_night[chains.shifts[i].date].append(i)
        groups = [[j for j in chains.by_night[d] if j in by_night[d]]
                  for d, members in by_night.items() if any(chains.wants_leader(j)
                                                            for j in members)]
    wants = []
    for group in groups:
        cols = [c for i in group for c in leads[i]]
        if not cols:
            continue
        want = m.column()
        m.row(-float("inf"), 0, [(want, 1.0), *((c, -1.0) for c in cols)])
        wants.append((want, cols))
    return wants
