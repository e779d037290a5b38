"""schema.org Event data for an edition page (JSON-LD), from the same facts the page shows."""

import datetime

from django.urls import reverse

from events.models import Edition, RegistrationStatus
from events.templatetags.event_dates import iso_moment

AVAILABILITY = {
    RegistrationStatus.NOT_OPEN: "https://schema.org/PreOrder",
    RegistrationStatus.OPEN: "https://schema.org/InStock",
    RegistrationStatus.FEW_LEFT: "https://schema.org/LimitedAvailability",
    RegistrationStatus.FULL: "https://schema.org/SoldOut",
    RegistrationStatus.CLOSED: "https://schema.org/SoldOut",
    RegistrationStatus.ENDED: "https://schema.org/SoldOut",
    RegistrationStatus.CANCELLED: "https://schema.org/Discontinued",
    RegistrationStatus.POSTPONED: "https://schema.org/OutOfStock",
}
EVENT_STATUS = {
    RegistrationStatus.CANCELLED: "https://schema.org/EventCancelled",
    RegistrationStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def _attendance_mode(edition: Edition) -> str:
    in_person = bool(edition.venue_name or edition.venue_address)
    if edition.online and in_person:
        return "https://schema.org/MixedEventAttendanceMode"
    if edition.online:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def _locations(edition: Edition, url: str) -> list[dict]:
    locations = []
    if edition.venue_name or edition.venue_address or not edition.online:
        place = {"@type": "Place", "name": edition.venue_name or edition.venue_address}
        if edition.venue_address:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": edition.venue_address,
                "addressCountry": "JP",
            }
        if place["name"]:
            locations.append(place)
    if edition.online:
        locations.append({"@type": "VirtualLocation", "url": edition.online_url or url})
    return locations


def _offers(edition: Edition, url: str, status: str, labels: dict) -> list[dict]:
    prices = []
    if edition.is_free:
        prices.append((labels["free"], 0))
    else:
        if edition.fee_general is not None:
            prices.append((labels["general"], edition.fee_general))
        if edition.fee_member is not None:
            prices.append((labels["member"], edition.fee_member))
    offers = []
    for name, price in prices:
        offer = {
            "@type": "Offer",
            "name": str(name),
            "price": str(price),
            "priceCurrency": "JPY",
            "availability": AVAILABILITY[status],
            "url": edition.application_url if edition.application_url.startswith("http") else url,
        }
        if edition.registration_opens_at:
            offer["validFrom"] = edition.registration_opens_at.isoformat()
        offers.append(offer)
    return offers


def edition_json_ld(
    edition: Edition,
    *,
    base_url: str,
    organisation_name: str,
    labels: dict,
    language: str,
    now: datetime.datetime | None = None,
) -> dict:
    url = base_url + edition.get_absolute_url()
    status = edition.registration_status(now)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": edition.heading,
        "url": url,
        "inLanguage": language,
        "startDate": iso_moment(edition.start_date, edition.start_time),
        "endDate": iso_moment(edition.last_date, edition.end_time),
        "eventStatus": EVENT_STATUS.get(status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": _attendance_mode(edition),
        "organizer": {
            "@type": "Organization",
            "name": organisation_name,
            "url": base_url + reverse("pages:landing"),
        },
    }
    description = edition.summary or edition.theme
    if description:
        data["description"] = description
    locations = _locations(edition, url)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    offers = _offers(edition, url, status, labels)
    if offers:
        data["offers"] = offers
    photos = getattr(edition, "published_photos", [])
    if photos and photos[0].renditions:
        data["image"] = [base_url + photos[0].image.url]
    return data
