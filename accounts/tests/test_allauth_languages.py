"""allauth's own pages (e-mail addresses, password change, TOTP) in Albanian, Bosnian and Macedonian.

allauth ships no catalogue for them; locale-allauth/ does (docs/accounts.md).
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
    NumericPasswordValidator,
    UserAttributeSimilarityValidator,
)
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.tests.factories import PASSWORD, applicant

pytestmark = pytest.mark.django_db

PAGES = ("email/", "password/change/", "reauthenticate/", "2fa/totp/activate/")
# allauth's English on those pages, which must not show.
ENGLISH = {
    "email/": ["Email Addresses", "Add Email"],
    # With Django's password-validation help, which Django's own catalogues lack in part.
    "password/change/": ["Change Password", "Current Password", "Your password can’t", "Your password must"],
    "reauthenticate/": ["Confirm Access", "Enter your password:"],
    "2fa/totp/activate/": ["Activate", "Authenticator code"],
}
# Per language, the translations that must show on each page.
TRANSLATED = {
    "sq": {
        "email/": ["Adresat e e-mailit", "Shto adresë e-maili", "E verifikuar", "Kryesore"],
        "password/change/": ["Ndrysho fjalëkalimin", "Fjalëkalimi aktual", "Fjalëkalimi i ri"],
        "reauthenticate/": ["Konfirmoni qasjen", "Shkruani fjalëkalimin tuaj:"],
        "2fa/totp/activate/": ["Aktivizo aplikacionin e vërtetimit", "Kodi i vërtetuesit"],
    },
    "bs": {
        "email/": ["Adrese e-pošte", "Dodaj adresu e-pošte", "Potvrđena", "Primarna"],
        "password/change/": ["Promijeni lozinku", "Trenutna lozinka", "Nova lozinka"],
        "reauthenticate/": ["Potvrdite pristup", "Unesite svoju lozinku:"],
        "2fa/totp/activate/": ["Aktiviraj aplikaciju za autentifikaciju", "Tajni ključ za autentifikaciju"],
    },
    "mk": {
        "email/": ["Адреси на е-пошта", "Додај адреса на е-пошта", "Потврдена", "Примарна"],
        "password/change/": ["Промени ја лозинката", "Тековна лозинка", "Нова лозинка"],
        "reauthenticate/": ["Потврдете пристап", "Внесете ја вашата лозинка:"],
        "2fa/totp/activate/": ["Активирај апликација за автентикација", "Код од автентикаторот"],
    },
}
WRONG_CODE = {"sq": "Kod i pasaktë.", "bs": "Neispravan kod.", "mk": "Неточен код."}


def signed_in_professional(client, language):
    """A verified professional, signed in through the public login, who has just confirmed their
    password again (allauth asks for it before the TOTP pages)."""
    email = f"professional-{language}@justice.example.org"
    profile = applicant(email, beneficiary="BA", language=language)
    profile.user.groups.add(Group.objects.get(name="Verified professionals"))
    response = client.post(f"/{language}/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(f"/{language}/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return profile.user


@pytest.mark.parametrize("language", TRANSLATED)
def test_allauths_email_password_and_totp_pages_are_in_the_visitors_language(client, language):
    signed_in_professional(client, language)
    for page in PAGES:
        response = client.get(f"/{language}/accounts/{page}")
        assert response.status_code == 200, f"{page}: {response.status_code}"
        html = response.content.decode()
        for text in TRANSLATED[language][page]:
            assert text in html, f"{language} {page}: {text!r} missing"
        for text in ENGLISH[page]:
            assert text not in html, f"{language} {page}: English {text!r} shown"


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_wrong_totp_code_is_refused_in_the_visitors_language(client, language):
    signed_in_professional(client, language)
    response = client.post(f"/{language}/accounts/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200
    html = response.content.decode()
    assert WRONG_CODE[language] in html
    assert "Incorrect code." not in html


def password_rules_and_errors():
    """The help texts of Django's password validators, and their errors for two weak passwords."""
    validators = [
        MinimumLengthValidator(12),
        UserAttributeSimilarityValidator(),
        CommonPasswordValidator(),
        NumericPasswordValidator(),
    ]
    texts = [validator.get_help_text() for validator in validators]
    for password in ("1234", "password"):
        for validator in validators:
            try:
                validator.validate(password)
            except ValidationError as error:
                texts.extend(error.messages)
    return texts


@pytest.mark.parametrize("language", ["sq", "bs", "hr", "cnr", "sr", "sr-latn", "mk"])
def test_djangos_password_rules_and_their_errors_are_in_the_visitors_language(language):
    """Django's own catalogues lack some of them in sq, bs, hr and mk; locale-allauth adds those
    (cnr has them from locale-system, built from Serbian Latin)."""
    with translation.override("en"):
        english = password_rules_and_errors()
    with translation.override(language):
        translated = password_rules_and_errors()
    assert len(english) == 9  # four rules; short, common and numeric; short and common
    for text, untranslated in zip(translated, english, strict=True):
        assert text != untranslated, f"{language}: {text!r} in English"
