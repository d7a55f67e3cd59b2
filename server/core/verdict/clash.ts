// A name the claim gives where a passage about the same thing gives another (an actor, a speaker,
// a reporter, a doer), each with where it is written, for the explanation and the editor.

export interface NamedSpan {
  name: string;
  start: number;
  end: number;
}

export interface NameClash {
  claim: NamedSpan;
  source: NamedSpan;
  /** Id of the passage that gives the source's name. */
  passage: number;
}
