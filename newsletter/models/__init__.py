from .confirmations import ConfirmationMail
from .deliveries import Delivery
from .limits import RateCounter
from .subscribers import Follow, Subscriber

__all__ = ["ConfirmationMail", "Delivery", "Follow", "RateCounter", "Subscriber"]
