/**
 * The Demo's reply to "Write a function that merges two sorted lists.": a two-pointer merge with
 * its loop invariant. The reasoning is a titled-step trace (each paragraph opens with `**Title**`),
 * long enough to show what the Thinking panel is for.
 */

const REASONING = `**Pinning down the task**
Two lists, each already sorted in ascending order. The result should be one new list, sorted, holding every element of both, duplicates included, so it is a multiset union and not a set union. The inputs should stay untouched. Nothing says numbers only, so anything that can be compared with <= should work: strings, dates, tuples.

**The one-liner, and why it isn't the point**
sorted(a + b) is correct. In general sorting costs O((m + n) log(m + n)), though Python's Timsort notices that a + b consists of two ascending runs and merges them in close to linear time anyway. But the question asks for the merge itself: it is the heart of merge sort, and the same loop merges files, streams or database cursors that don't fit in memory. So I'll write it out and mention the shortcuts at the end.

**Choosing the invariant first**
Two indexes: i into a, j into b. The output list out grows at the end. The invariant I want to hold before every iteration:
1. out is sorted and contains exactly the elements of a[:i] and b[:j];
2. every element of out is <= every element still waiting in a[i:] and in b[j:].
At the start i = j = 0 and out is empty, so both parts hold trivially.

**The loop step**
While both lists still have elements, compare the heads a[i] and b[j] and move the smaller one to out. Does that keep the invariant? Say a[i] <= b[j]. Then a[i] <= everything after it in a, because a is sorted, and a[i] <= b[j] <= everything after b[j], because b is sorted. So a[i] is a smallest waiting element. By part 2, everything already in out is <= a[i], so appending it keeps out sorted; and a[i] is <= everything still waiting, so part 2 holds again with i + 1. The case b[j] < a[i] is symmetric.

**Ties decide stability**
On equal heads, which list goes first? With a[i] <= b[j] the element from a wins ties. That makes the merge stable: equal elements keep their order, those from a before those from b. It doesn't matter for plain integers, but it matters when the items are records compared by a key, and it is exactly where merge sort gets its stability. Writing < there instead would still produce a sorted list but would quietly lose that guarantee, so it deserves a comment in the code.

**When one list runs out**
The loop stops as soon as i == len(a) or j == len(b). What's left in the other list is sorted already, and by part 2 of the invariant every element of out is <= all of it. So it can be appended as it is: out.extend(a[i:]) and out.extend(b[j:]). One of the two slices is empty, and calling both avoids an if.

**Does it terminate, and what does it cost?**
Each iteration raises i + j by exactly one, and i + j can't exceed m + n, so there are at most m + n iterations. Time O(m + n), and O(m + n) extra space for the result, which is unavoidable when returning a new list. Slicing a[i:] copies, but only the tail, once.

**Edge cases**
- both empty: the loop never runs, both extends add nothing, result []. Good.
- one empty: the loop never runs and the other list is copied whole. Good.
- all equal: every comparison is a tie, so all of a comes first, then all of b. Sorted and stable.
- very different lengths, say 1 element against a million: still linear in the total. If that case mattered, binary search (the bisect module) could find where the single element goes in O(log n), but that is a different function.

**Walking through an example**
a = [1, 4, 4, 9], b = [2, 4, 10].
1 <= 2: take 1 from a. 4 > 2: take 2 from b. 4 <= 4: tie, take 4 from a. 4 <= 4: take the second 4 from a. 9 > 4: take 4 from b. 9 <= 10: take 9 from a. Now a is used up, so extend with b[2:] = [10].
Result [1, 2, 4, 4, 4, 9, 10]: seven elements for 4 + 3 inputs, sorted, and the two 4s from a come before the 4 from b. That matches the invariant's promise.

**How to test it**
Examples alone would miss things. A property test is stronger and cheap: for random sorted lists, merge(a, b) must equal sorted(a + b). With small random values there are many duplicates, which exercises the tie rule. Python's sorted is stable too, so for records compared by a key the results must match element for element, not just as values.

**What to put in the answer**
The function with a docstring and the invariant as a comment where it matters, a short "why it is correct" in three steps (start, step, end), the property test, and a table comparing it with sorted(a + b) and heapq.merge, which merges lazily and takes any number of inputs.`;

const ANSWER = `## Merging two sorted lists

A two-pointer merge: look at the head of each list, move the smaller one to the result, repeat. It runs in linear time and never changes its inputs.

\`\`\`python
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")  # anything that can be compared with <=


def merge_sorted(a: Sequence[T], b: Sequence[T]) -> list[T]:
    """Merge two ascending sequences into a new ascending list.

    Stable: equal items keep their order, those from \`a\` first.
    Takes O(len(a) + len(b)) time; the inputs are not changed.
    """
    out: list[T] = []
    i = j = 0
    # Invariant: out holds exactly a[:i] and b[:j], in order, and every item
    # of out is <= every item still waiting in a[i:] and b[j:].
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:  # <= lets a win ties: this is what makes it stable
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    # One list is used up; the rest of the other is sorted and >= all of out.
    out.extend(a[i:])
    out.extend(b[j:])
    return out
\`\`\`

\`\`\`python
>>> merge_sorted([1, 4, 4, 9], [2, 4, 10])
[1, 2, 4, 4, 4, 9, 10]
\`\`\`

### Why it is correct

1. **Start:** \`out\` is empty, so the invariant holds.
2. **Each step:** the smaller head is \`<=\` everything else waiting (both lists are sorted), and everything in \`out\` is \`<=\` it. Appending it keeps \`out\` sorted and keeps the invariant.
3. **End:** one list is exhausted. The other's rest is sorted and \`>=\` all of \`out\`, so appending it gives the full, sorted merge.

Each step raises \`i + j\` by one, so the loop runs at most \`len(a) + len(b)\` times.

### Test it against \`sorted\`

\`\`\`python
import random

for _ in range(10_000):
    a = sorted(random.choices(range(10), k=random.randint(0, 8)))
    b = sorted(random.choices(range(10), k=random.randint(0, 8)))
    assert merge_sorted(a, b) == sorted(a + b)
\`\`\`

Small values mean many duplicates, so the tie rule is exercised too.

### Alternatives

| Approach | Time | Result | Use it when |
|---|---|---|---|
| \`merge_sorted(a, b)\` | O(m + n) | new list | you want the merge spelled out |
| \`sorted(a + b)\` | O((m + n) log(m + n)), near linear in practice | new list | you just need the answer |
| \`heapq.merge(a, b)\` | O((m + n) log k) for k inputs | lazy iterator | the inputs are large, streamed, or more than two |`;

/** @type {import('../pick-script.mjs').DemoScript} */
export const MERGE_SCRIPT = {
  id: 'merge',
  phrases: [
    ['merg', 'sort', 'list'],
    ['merg', 'sort', 'array'],
  ],
  reasoning: REASONING,
  answer: ANSWER,
};
