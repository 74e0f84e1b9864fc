"""Audio in and out: WAV files, the paced virtual devices, and real sound cards."""

from appliance.audio.devices import AudioDevice, AudioDeviceError, list_devices, resolve_device
from appliance.audio.file_transport import FileTransport, PlaybackLog
from appliance.audio.wav import AudioInputError, AudioTooLongError, decode_wav, read_wav, write_wav

__all__ = [
    "AudioDevice",
    "AudioDeviceError",
    "AudioInputError",
    "AudioTooLongError",
    "FileTransport",
    "PlaybackLog",
    "decode_wav",
    "list_devices",
    "read_wav",
    "resolve_device",
    "write_wav",
]
