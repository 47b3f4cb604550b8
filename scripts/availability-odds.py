#!/usr/bin/env python3
"""Odds of the availability vote of proof of learning (docs/protocol.md, Security).

A model of the rule in pallets/proof-of-learning/src/lib.rs (`after_reveals`,
`unavailability_fails`, `ready_to_decide`, `Verification::seats_wanted`): verifiers are drawn
one seat at a time from an unbounded pool; a drawn verifier declares the checkpoints
unavailable with probability `q`, otherwise it reveals a verdict. Exact, by recursion over
(verdicts, declarations, round). Prints, per task size `m`:

  - a cartel with a share `q` of the draw declaring against an honest solver: how often the
    solver fails (slashed) or the task is abandoned (unpaid);
  - a solver serving its checkpoints to accomplices with a share `a` only (the honest
    verifiers declare, probability 1 - a): how often it is paid.

    python3 scripts/availability-odds.py
"""
from functools import lru_cache
from math import comb

UNAVAILABLE_TO_FAIL = 3  # production runtime
MAX_VERIFIERS = 16
MAX_ROUNDS = 10


def outcomes(m, q, u=UNAVAILABLE_TO_FAIL):
    @lru_cache(None)
    def play(verdicts, declarations, round_):
        seats = min(max(m, declarations + 1), MAX_VERIFIERS)
        new = seats - verdicts
        result = {"paid": 0.0, "failed": 0.0, "abandoned": 0.0}
        for declared in range(new + 1):
            p = comb(new, declared) * q**declared * (1 - q) ** (new - declared)
            v, d = verdicts + new - declared, declarations + declared
            if d >= u and d > v:
                result["failed"] += p
            elif declared == 0 and v > d:
                result["paid"] += p
            elif round_ + 1 >= MAX_ROUNDS:
                result["abandoned"] += p
            else:
                for k, x in play(v, d, round_ + 1).items():
                    result[k] += p * x
        return result

    return play(0, 0, 0)


if __name__ == "__main__":
    print("| m | share | cartel fails an honest solver | ... or leaves it unpaid | accomplices get a withholding solver paid |")
    print("|---|---|---|---|---|")
    for m in (1, 3, 5):
        for share in (0.2, 0.33):
            cartel = outcomes(m, share)
            accomplices = outcomes(m, 1 - share)
            print(
                f"| {m} | {share:.0%} | {cartel['failed']:.1%} | {cartel['abandoned']:.1%} "
                f"| {accomplices['paid']:.1%} |"
            )
