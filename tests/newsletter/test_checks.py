from newsletter.checks import site_url_uses_https


def test_the_deploy_check_wants_https_mail_links(settings):
    settings.SITE_URL = "http://columnist.example"
    [warning] = site_url_uses_https(None)
    settings.SITE_URL = "https://columnist.example"

    assert warning.id == "newsletter.W001"
    assert site_url_uses_https(None) == []
