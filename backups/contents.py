"""What a site export holds: the models, in an order where each comes after those it
refers to. A model added to the project belongs either in PARTS or in NOT_EXPORTED (with
the reason); tests/backups/test_contents.py fails until it is in one of them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    label: str
    private: bool = False  # readers' data: exported only with --include-subscribers
    natural_foreign_keys: bool = False  # refer to groups and permissions by name
    merges: bool = False  # matched by name to rows migrations create (no primary key kept)


PARTS = [
    Part("auth.group", natural_foreign_keys=True, merges=True),
    Part("auth.user", natural_foreign_keys=True),
    Part("editorial.notificationpreference"),
    Part("authors.author"),
    Part("library.image"),
    Part("blog.disclaimer"),
    Part("blog.section"),
    Part("blog.tag"),
    Part("blog.stylerule"),
    Part("blog.post"),
    Part("blog.postauthor"),
    Part("blog.keypoint"),
    Part("blog.taggedpost"),
    Part("blog.postredirect"),
    Part("blog.correction"),
    Part("blog.announcement"),
    Part("blog.posttransition"),
    Part("blog.historicalpost"),
    Part("telegram.channel"),
    Part("telegram.telegrammessage"),
    Part("fediverse.actor"),
    Part("fediverse.federatedpost"),
    Part("fediverse.remoteactor", private=True),
    Part("fediverse.follower", private=True),
    Part("newsletter.subscriber", private=True),
    Part("newsletter.follow", private=True),
    Part("newsletter.delivery", private=True),
]

NOT_EXPORTED = {
    "blog.searchdocument": "rebuilt from the posts after an import",
    "blog.previewlink": "short-lived share links, signed with the old site's secret key",
    "newsletter.ratecounter": "rate-limit counters that expire within the hour",
    "newsletter.confirmationmail": "confirmation mails owed: a reader still waiting asks again",
    "mirrors.mirror": "made from MIRROR_HOSTS and ONION_HOST by the next mirror check",
    "fediverse.delivery": "activities in flight to other servers; a restored site resends none",
    "fediverse.seensignature": "the inboxes' replay guard, which forgets within a day",
    "editorial.autosave": "unsaved form fields kept while a writer types; saved posts are exported",
    "otp_totp.totpdevice": "authenticator secrets stay on the server; staff set them up again",
}
