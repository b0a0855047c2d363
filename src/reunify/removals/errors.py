"""The removal gate's refusal, carried to the page, the API (409) and the command line."""

from reunify.removals.gate import GateAnswer


class GateRefused(Exception):
    """The gate blocked this scheduling or execution; `answer` says why, child by child."""

    def __init__(self, answer: GateAnswer) -> None:
        self.answer = answer
        reasons = "; ".join(block.reason for block in answer.standing_blocks)
        super().__init__(f"The removal gate is closed: {reasons}")
