"""Words shown for the stored choices of the birth and review sections."""

from __future__ import annotations

from familyfile.i18n import _


def birth_type() -> dict[str, str]:
    return {"unknown": _("Not sure / not recorded"), "vaginal": _("Vaginal birth"),
            "assisted": _("Assisted (forceps or ventouse)"),
            "planned_caesarean": _("Planned caesarean"),
            "emergency_caesarean": _("Emergency caesarean")}


def place() -> dict[str, str]:
    return {"unknown": _("Not sure / not recorded"), "hospital": _("Hospital"),
            "birth_centre": _("Birth centre"), "home": _("At home"), "other": _("Somewhere else")}


def nipe_check() -> dict[str, str]:
    return {"eyes": _("Eyes"), "heart": _("Heart"), "hips": _("Hips"), "testes": _("Testes (boys)")}


def nipe_outcome() -> dict[str, str]:
    return {"": _("Not recorded"), "no_concerns": _("No concerns"), "referred": _("Referred for more checks"),
            "not_done": _("Not done")}


def hearing_outcome() -> dict[str, str]:
    return {"": _("Not recorded"), "clear_response": _("Clear response"),
            "referral": _("Referred for a hearing test"), "not_done": _("Not done")}


def blood_spot_condition() -> dict[str, str]:
    return {"sickle_cell": _("Sickle cell disease"), "cystic_fibrosis": _("Cystic fibrosis"),
            "congenital_hypothyroidism": _("Congenital hypothyroidism"),
            "pku": _("Phenylketonuria (PKU)"), "mcadd": _("MCADD"),
            "msud": _("Maple syrup urine disease (MSUD)"),
            "iva": _("Isovaleric acidaemia (IVA)"), "ga1": _("Glutaric aciduria type 1 (GA1)"),
            "hcu": _("Homocystinuria (HCU)"), "ht1": _("Tyrosinaemia type 1 (HT1)")}


def blood_spot_result() -> dict[str, str]:
    return {"": _("Not recorded"), "not_suspected": _("Not suspected"), "suspected": _("Suspected"),
            "not_tested": _("Not tested"), "carrier": _("Carrier (sickle cell only)")}


def contact_state() -> dict[str, str]:
    return {"done": _("Done"), "booked": _("Booked"), "missed": _("Missed"), "declined": _("Declined"),
            "due": _("Due now"), "overdue": _("Overdue"), "upcoming": _("Coming up"),
            "not_recorded": _("Not recorded")}


def asq_area() -> dict[str, str]:
    return {"communication": _("Communication"), "gross_motor": _("Gross motor (big movements)"),
            "fine_motor": _("Fine motor (hands and fingers)"), "problem_solving": _("Problem solving"),
            "personal_social": _("Personal-social")}


def asq_outcome() -> dict[str, str]:
    return {"": _("Not recorded"), "above_cutoff": _("Above the cut-off (on track)"),
            "monitoring": _("Monitoring zone (keep an eye on it)"),
            "below_cutoff": _("Below the cut-off (more support may help)")}


def prime_area() -> dict[str, str]:
    return {"communication_language": _("Communication and language"),
            "physical": _("Physical development"),
            "personal_social_emotional": _("Personal, social and emotional development")}


def check_type() -> dict[str, str]:
    return {"vision": _("Vision (eyes)"), "hearing": _("Hearing")}


def check_outcome() -> dict[str, str]:
    return {"no_concerns": _("No concerns"), "referred": _("Referred"), "follow_up": _("Check again later"),
            "not_done": _("Not done")}
