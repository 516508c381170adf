from .deliveries import Delivery
from .limits import RateCounter
from .subscribers import Follow, Subscriber

__all__ = ["Delivery", "Follow", "RateCounter", "Subscriber"]
