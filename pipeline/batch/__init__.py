"""The batch: every input file through every stage, in worker processes, into one output folder.

``run`` walks the inputs, skips what is done and writes the tables; ``workers``
runs each file in a process of its own under a time and a memory limit; ``files``
hashes inputs without loading any stage. Importing this package loads nothing heavy.
"""
