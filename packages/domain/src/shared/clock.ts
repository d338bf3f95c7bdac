/** Time comes into the domain from outside, so rules about it can be tested at any instant. */
export interface Clock {
  now(): Date;
}
