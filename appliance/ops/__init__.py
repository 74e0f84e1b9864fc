"""Operations: metrics, traces, the console's live feed and its files."""
