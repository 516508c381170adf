from newsletter.checks import site_url_uses_https, subscriber_key_is_usable


def test_the_deploy_check_wants_https_mail_links(settings):
    settings.SITE_URL = "http://columnist.example"
    [warning] = site_url_uses_https(None)
    settings.SITE_URL = "https://columnist.example"

    assert warning.id == "newsletter.W001"
    assert site_url_uses_https(None) == []


def test_a_malformed_subscriber_key_is_a_check_error(settings):
    assert subscriber_key_is_usable(None) == []
    settings.SUBSCRIBER_KEY = "not-a-key"

    [error] = subscriber_key_is_usable(None)

    assert error.id == "newsletter.E001"
    assert "not a Fernet key" in error.msg
