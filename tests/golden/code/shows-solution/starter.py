FEELINGS = {"tired", "alone", "sad", "worried", "happy"}


def count_feelings(words):
    return 0


print(count_feelings(["I", "feel", "tired", "and", "alone"]))
