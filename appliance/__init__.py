"""Edge voice appliance."""
