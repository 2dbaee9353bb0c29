"""The simulated member phone: holds a device key and certificate, shows the rotating member code."""
