"""`appliance serve` as an OpenAI-compatible provider, driven by the real `openai` client."""

import io
import json

import httpx
import numpy as np
import openai
import pytest
import soundfile

from appliance.audio.wav import decode_wav, wav_bytes
from appliance.benchmark.wer import word_error_rate

pytestmark = pytest.mark.models

QUESTION = "What is the capital of France?"


@pytest.fixture(scope="module")
def client(appliance_api):
    return openai.AsyncOpenAI(base_url=appliance_api["v1"], api_key=appliance_api["token"],
                              max_retries=0, timeout=60)


def auth(api):
    return {"Authorization": f"Bearer {api['token']}"}


def test_requests_without_a_token_are_refused_with_how_to_authenticate(appliance_api):
    response = httpx.get(f"{appliance_api['v1']}/models")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    error = response.json()["error"]
    assert "Authorization: Bearer" in error["message"]
    assert error["type"] == "invalid_request_error" and error["code"] == "invalid_api_key"


def test_a_wrong_token_is_refused_on_every_route(appliance_api):
    for method, path in (("GET", "/models"), ("POST", "/chat/completions"),
                         ("POST", "/audio/transcriptions"), ("POST", "/audio/speech")):
        response = httpx.request(method, appliance_api["v1"] + path,
                                 headers={"Authorization": "Bearer wrong"}, json={})
        assert response.status_code == 401, path
        assert "invalid or revoked token" in response.json()["error"]["message"]
        assert appliance_api["token"] not in response.text


async def test_the_openai_client_sees_a_wrong_token_as_an_authentication_error(appliance_api):
    wrong = openai.AsyncOpenAI(base_url=appliance_api["v1"], api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        await wrong.models.list()


async def test_models_lists_the_loaded_chat_transcription_and_speech_models(client):
    models = [m.id async for m in client.models.list()]
    assert models == ["smollm2-135m", "whisper-base", "piper-joe-medium"]


async def test_chat_completion_answers_with_usage(client):
    completion = await client.chat.completions.create(
        model="anything", messages=[{"role": "user", "content": QUESTION}], temperature=0.0)
    assert completion.object == "chat.completion"
    assert "paris" in completion.choices[0].message.content.lower()
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage.prompt_tokens > 0 and completion.usage.completion_tokens > 0


async def test_streamed_chat_completion_sends_chunks_then_usage(client):
    stream = await client.chat.completions.create(
        model="smollm2-135m", stream=True, stream_options={"include_usage": True},
        messages=[{"role": "system", "content": "Answer in one short sentence."},
                  {"role": "user", "content": QUESTION}], temperature=0.0)
    chunks = [chunk async for chunk in stream]
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "paris" in text.lower()
    assert sum(1 for c in chunks if c.choices and c.choices[0].delta.content) > 2  # streamed
    assert chunks[-2].choices[0].finish_reason == "stop"
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens > 0


def test_sse_stream_ends_with_done_and_has_no_usage_unless_asked(appliance_api):
    body = {"messages": [{"role": "user", "content": "Say hi."}], "stream": True,
            "max_tokens": 3}
    with httpx.stream("POST", f"{appliance_api['v1']}/chat/completions", json=body,
                      headers=auth(appliance_api), timeout=30) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [line for line in response.iter_lines() if line]
    assert events[-1] == "data: [DONE]"
    payloads = [json.loads(e.removeprefix("data: ")) for e in events[:-1]]
    assert all("usage" not in p for p in payloads)
    assert payloads[-1]["choices"][0]["finish_reason"] == "length"


def test_an_invalid_chat_request_is_a_400_naming_the_field(appliance_api):
    response = httpx.post(f"{appliance_api['v1']}/chat/completions", headers=auth(appliance_api),
                          json={"messages": [], "model": "x"})
    assert response.status_code == 400
    assert response.json()["error"]["param"] == "messages"


@pytest.fixture(scope="module")
def question_wav(speak):
    return wav_bytes(speak(QUESTION).tobytes(), 16000)


async def test_transcription_json_returns_the_words(client, question_wav):
    result = await client.audio.transcriptions.create(
        file=("question.wav", question_wav, "audio/wav"), model="whisper-1")
    assert word_error_rate(QUESTION, result.text) <= 0.2


async def test_verbose_transcription_carries_confidence_and_duration(client, question_wav):
    result = await client.audio.transcriptions.create(
        file=("question.wav", question_wav, "audio/wav"), model="whisper-1",
        response_format="verbose_json", language="en")
    assert word_error_rate(QUESTION, result.text) <= 0.2
    assert result.duration == pytest.approx(len(decode_wav(question_wav)) / 16000, abs=0.01)
    assert result.segments and -5 < result.segments[0].avg_logprob <= 0
    assert 0 <= result.segments[0].no_speech_prob <= 1


async def test_stereo_44k_float_wav_is_transcribed_too(client, speak):
    import soxr

    mono = soxr.resample(speak(QUESTION).astype(np.float32) / 32768, 16000, 44100)
    buffer = io.BytesIO()
    soundfile.write(buffer, np.stack([mono, mono], axis=1), 44100, format="WAV", subtype="FLOAT")
    result = await client.audio.transcriptions.create(
        file=("question.wav", buffer.getvalue(), "audio/wav"), model="whisper-1",
        response_format="text")
    assert word_error_rate(QUESTION, result) <= 0.2


async def test_audio_that_is_not_a_wav_is_a_400_saying_why(client):
    with pytest.raises(openai.BadRequestError) as caught:
        await client.audio.transcriptions.create(
            file=("notes.txt", b"hello, not audio", "text/plain"), model="whisper-1")
    assert "not a WAV file" in caught.value.message


async def test_speech_streams_24khz_pcm(client):
    async with client.audio.speech.with_streaming_response.create(
            model="tts-1", voice="alloy", input="The capital of France is Paris.",
            response_format="pcm") as response:
        assert response.headers["content-type"] == "audio/pcm"
        pcm = b"".join([chunk async for chunk in response.iter_bytes()])
    samples = np.frombuffer(pcm, dtype=np.int16)
    assert len(samples) / 24000 >= 0.5
    assert np.abs(samples).max() > 1000  # speech, not silence


async def test_speech_as_wav_decodes_at_24khz(client):
    response = await client.audio.speech.create(
        model="tts-1", voice="alloy", input="Hello there.", response_format="wav")
    data = response.content
    with soundfile.SoundFile(io.BytesIO(data)) as f:
        assert f.samplerate == 24000 and f.channels == 1
    assert len(decode_wav(data, target_rate_hz=24000)) / 24000 >= 0.5


async def test_speech_in_an_unsupported_format_is_a_400(client):
    with pytest.raises(openai.BadRequestError) as caught:
        await client.audio.speech.create(model="tts-1", voice="alloy", input="Hi.",
                                         response_format="mp3")
    assert caught.value.body["param"] == "response_format"
