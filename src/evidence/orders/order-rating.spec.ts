import { readRating } from './order-rating';

describe('reading a rating', () => {
  it.each([
    ['5', 5],
    [' 1 ', 1],
    ['4.0', 4],
    [3, 3],
    ['好评', 5],
    ['中评', 3],
    ['差评', 1],
    ['未评价', null],
    ['0', null],
    ['6', null],
    ['4.5', null],
    [null, null],
  ])('reads %j as %j', (cell, rating) => {
    expect(readRating(cell)).toBe(rating);
  });
});
