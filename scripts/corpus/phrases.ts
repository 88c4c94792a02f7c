/**
 * Hand-written English collocations for the phrase layer of the text model (my own everyday
 * phrases, nothing quoted from a work). Function phrases take the top phrase ranks, as the most
 * common word pairs do in real prose; content phrases are spread over ranks from common to rare.
 */
export const FUNCTION_PHRASES = [
  'of the', 'in the', 'it was', 'to the', 'and the', 'on the', 'at the', 'he said', 'she said', 'out of',
  'for a', 'as if', 'one of the', 'there was', "I don't know", 'for a moment', 'a little', 'the rest of',
  'in front of', 'for the first time', 'at the same time', 'the end of', 'all the way', 'a long time',
  'as well', 'at least', 'the other side', 'looked at him', 'looked at her', 'back to the',
];

export const CONTENT_PHRASES = [
  'the old house', 'in the morning', 'at the door', 'out of the window', 'in the dark', 'on the other hand',
  'the next day', 'the kitchen table', 'a cup of tea', 'late at night', 'the front door', 'a deep breath',
  'the first snow', 'the empty room', 'across the street', 'the back of his neck', 'a quiet voice',
  'the end of the world', 'the last train', 'under the stars', 'the city lights', 'a long way from home',
  'the sound of the sea', 'the garden gate', 'the blue kettle', 'a letter from home', 'the broken clock',
  'the lighthouse keeper', 'a borrowed coat', 'the winter market',
];
