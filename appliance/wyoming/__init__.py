"""The Wyoming protocol server: the appliance as Home Assistant's voice service."""
