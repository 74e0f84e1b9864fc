"""load_settings takes any file and either returns settings or raises a ConfigError whose
message names what is wrong: random text and bytes, and a valid config with keys and
values swapped, mistyped, nested, made huge or unicode."""

import json
import math
import string
from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from appliance.config import ConfigError, Settings, load_settings
from tests.fuzz import assert_no_failures, count, fuzz_settings, record_failure

pytestmark = pytest.mark.unit

VALID = Settings().model_dump(mode="json", exclude_none=True)
SECTIONS = sorted(VALID)
BARE_KEY = set(string.ascii_letters + string.digits + "_-")


def toml_key(key: str) -> str:
    return key if key and set(key) <= BARE_KEY else toml_string(key)


def toml_string(text: str) -> str:
    # JSON string escapes are TOML basic-string escapes; TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()
                               if v is not None) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value if v is not None) + "]"
    raise TypeError(type(value))


def dump_toml(data: dict) -> str:
    """A TOML document: top-level scalars first, then one [table] per dict."""
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in data.items()
             if v is not None and not isinstance(v, dict)]
    for name, table in data.items():
        if isinstance(table, dict):
            lines.append(f"[{toml_key(name)}]")
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in table.items()
                      if v is not None]
    return "\n".join(lines) + "\n"


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
scalar = st.one_of(
    st.booleans(), st.integers(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 2**63 - 1, -(2**63), 10**18]),
    st.floats(), st.sampled_from([1e308, -1e308, 5e-324, float("inf"), float("nan")]),
    text, st.sampled_from(["", " ", "smollm2-135m", "~/x.gguf", "/", "../../etc/passwd",
                           "\u202e", "💥" * 50, "a" * 10000]),
    st.datetimes(), st.dates(), st.times())
toml_values = st.recursive(scalar, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(text, inner, max_size=4), max_leaves=12)


def _paths(data, prefix=()):
    """Every (path, value) in a nested dict/list document."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        yield (*prefix, key), value
        if isinstance(value, dict | list):
            yield from _paths(value, (*prefix, key))


PATHS = [path for path, _ in _paths(VALID)]


def _set(document, path, value) -> None:
    for key in path[:-1]:
        document = document[key]
    if value is _DELETE:
        del document[path[-1]]
    else:
        document[path[-1]] = value


_DELETE = object()


@st.composite
def mutated_config(draw) -> dict:
    document = json.loads(json.dumps(VALID))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p, _ in _paths(document)] or [("llm",)]
        path = draw(st.sampled_from(paths))
        kind = draw(st.sampled_from(["value", "delete", "add", "rename", "swap", "nest"]))
        parent = path[:-1]
        if kind == "value":
            _set(document, path, draw(toml_values))
        elif kind == "delete":
            _set(document, path, _DELETE)
        elif kind == "add" and isinstance(_get(document, parent), dict):
            _set(document, (*parent, draw(text)), draw(toml_values))
        elif kind == "rename" and isinstance(_get(document, parent), dict):
            value = _get(document, path)
            _set(document, path, _DELETE)
            _set(document, (*parent, draw(text | st.sampled_from(PATHS).map(lambda p: p[-1])
                                         .filter(lambda k: isinstance(k, str)))), value)
        elif kind == "swap":
            other = draw(st.sampled_from(paths))
            if path[:len(other)] == other or other[:len(path)] == path:
                continue  # swapping a table with its own part would make it contain itself
            try:
                a, b = _get(document, path), _get(document, other)
                _set(document, path, b)
                _set(document, other, a)
            except (KeyError, IndexError, TypeError):
                pass
        elif kind == "nest":
            _set(document, path, {draw(text): _get(document, path)})
    if not all(isinstance(v, dict) for v in document.values()) and draw(st.booleans()):
        document = {k: v for k, v in document.items() if isinstance(v, dict)}
    return document


def _get(document, path):
    for key in path:
        document = document[key]
    return document


fragments = st.sampled_from(["[", "]", "[[", "]]", "=", '"', "'", '"""', "\n", " ", "#",
                             ".", ",", "{", "}", "llm", "service", "port", "model", "1",
                             "1e999", "0x", "inf", "nan", "true", "\\u0000", "1979-05-27",
                             "providers", "llm.model", "\t", "\r\n"])
random_toml = st.one_of(
    text.map(str.encode), st.binary(max_size=200),
    st.lists(fragments, max_size=40).map(lambda parts: "".join(parts).encode()),
    st.integers(1, 50_000).map(lambda n: ("a = " + "[" * n + "]" * n + "\n").encode()),
    st.integers(1, 50_000).map(lambda n: ("a = " + "{b = " * n + "1" + "}" * n + "\n")
                               .encode()),
    st.integers(1, 3000).map(lambda n: ("[" + ".".join(["t"] * n) + "]\n").encode()),
)


def check_load(tmp_path, content: bytes, reproducer: str) -> None:
    """load_settings returns Settings or raises a ConfigError that names something."""
    count("config")
    path = tmp_path / "appliance.toml"
    path.write_bytes(content)
    try:
        load_settings(path)
    except ConfigError as e:
        count("config", "refused")
        message = str(e)
        lines = message.split("\n")[1:]
        if not message.strip():
            record_failure("config", "empty ConfigError message", reproducer)
        elif message.startswith("invalid settings") and not lines:
            record_failure("config", "ConfigError names no field", reproducer)
        elif any(line.strip().startswith(":") for line in lines):
            record_failure("config", "ConfigError line names no field",
                           f"message {message[-300:]!r} from {reproducer}",
                           known="config-odd-key-name" if any(
                               line.strip().startswith(":") and "unknown setting" in line
                               for line in lines) else None)
        return
    except BaseException as e:  # noqa: BLE001 - anything but ConfigError is the bug sought
        known = ("config-deep-nesting" if isinstance(e, RecursionError)
                 else "config-audit-path-type" if "os.PathLike object" in str(e) else None)
        record_failure("config", f"{type(e).__name__}: {str(e)[:120]}", reproducer, known=known)
        return
    count("config", "loaded")


def test_random_files_are_refused_with_a_message_that_names_the_problem(tmp_path):
    @fuzz_settings("config_random")
    @given(random_toml)
    def run(content):
        shown = content if len(content) < 300 else content[:150] + b"..." + content[-150:]
        check_load(tmp_path, content, f"load_settings(file holding {shown!r}, "
                                      f"{len(content)} bytes)")

    run()
    assert_no_failures("config")


def test_a_valid_config_with_its_keys_and_values_mangled_is_refused_by_field(tmp_path):
    assert isinstance(load_settings_from(tmp_path, VALID), Settings)  # the dump round-trips

    @fuzz_settings("config_mutated")
    @given(mutated_config())
    def run(document):
        content = dump_toml(document)
        check_load(tmp_path, content.encode(), f"load_settings(file holding {content!r})")

    run()
    assert_no_failures("config")


def load_settings_from(tmp_path, document: dict) -> Settings:
    path = tmp_path / "valid.toml"
    path.write_text(dump_toml(document), encoding="utf-8")
    return load_settings(path)


@pytest.mark.parametrize("value", ["[" * 5000 + "]" * 5000, "{b = " * 5000 + "1" + "}" * 5000])
def test_deeply_nested_values_are_a_config_error(tmp_path, value):
    path = tmp_path / "appliance.toml"
    path.write_text(f"a = {value}\n")
    with pytest.raises(ConfigError):
        load_settings(path)


@pytest.mark.parametrize("key", ['""', '":"'])
def test_an_odd_unknown_key_is_named_in_the_error(tmp_path, key):
    path = tmp_path / "appliance.toml"
    path.write_text(f"{key} = 1\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert not any(line.strip().startswith(":") for line in str(caught.value).split("\n"))


@pytest.mark.parametrize("value", ["1", "true", "[1]"])
def test_a_mistyped_audit_path_is_a_config_error(tmp_path, value):
    path = tmp_path / "appliance.toml"
    path.write_text(f"[governance.audit]\npath = {value}\n")
    with pytest.raises(ConfigError, match="governance.audit.path"):
        load_settings(path)
