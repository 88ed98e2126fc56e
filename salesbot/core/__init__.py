"""The pure core: scenario model, utterance analysis, conversation engine, assessment. No I/O here."""
