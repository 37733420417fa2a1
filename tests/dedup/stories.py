"""One invented wire story as three outlets ran it, and two different stories, for the dedup tests."""

from __future__ import annotations

WIRE = (
    "Russian Foreign Minister Sergey Lavrov accused Armenia on Tuesday of undermining regional security, "
    "in a sharply worded statement issued in Moscow after talks with his Azerbaijani counterpart.\n\n"
    "Lavrov said the government in Yerevan had failed to honour the commitments it made under the 2020 "
    "ceasefire agreement and warned that the peace process could stall before the end of the year.\n\n"
    "Armenian officials did not immediately respond to a request for comment. Diplomats in the region said "
    "the remarks reflected growing frustration in Moscow over Yerevan's recent contacts with Western "
    "governments and its decision to freeze its participation in a Russian-led security bloc."
)

# The same story with an outlet's own headline, a changed opening and a few edits.
OUTLETS = {
    "courier": ("Lavrov lashes out at Yerevan", WIRE),
    "gazette": (
        "Moscow accuses Armenia of undermining security",
        WIRE.replace("on Tuesday", "on Tuesday (Aug 20)")
        .replace("sharply worded", "strongly worded")
        .replace("did not immediately respond", "declined to respond")
        + "\n\nThe Gazette's correspondent contributed to this report.",
    ),
    "herald": (
        "Russia says Armenia broke ceasefire pledges",
        "MOSCOW (Wire) - " + WIRE.replace("Diplomats in the region", "Regional diplomats")
        .replace("before the end of the year", "before year-end"),
    ),
}

OTHER_STORIES = {
    # Same actors and vocabulary, a different event: must not be taken for the wire story.
    "talks": (
        "Russian Foreign Minister Sergey Lavrov met his Armenian counterpart in Moscow on Friday and said the "
        "two governments would keep working on the peace process despite their differences over regional "
        "security. Lavrov said Russia was ready to host further talks between Armenia and Azerbaijan before the "
        "end of the year, and Armenian officials said the meeting had been constructive."
    ),
    "budget": (
        "The city council of Port Elsin approved a budget on Thursday that raises spending on schools and "
        "roads while cutting the cost of running the harbour office. The mayor said the plan would be funded "
        "without new taxes, but opposition members warned that the harbour repairs would cost more than expected."
    ),
    "storm": (
        "A storm brought heavy rain and strong winds to the coast on Sunday, closing two bridges and cutting power "
        "to several thousand homes. Forecasters said the weather would improve by Tuesday, and crews worked "
        "through the night to clear fallen trees from the main road."
    ),
}
