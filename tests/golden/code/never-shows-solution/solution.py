FEELINGS = {"tired", "alone", "sad", "worried", "happy"}


def count_feelings(words):
    return sum(1 for word in words if word.lower() in FEELINGS)


print(count_feelings(["I", "feel", "tired", "and", "alone"]))
