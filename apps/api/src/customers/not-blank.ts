import { Matches } from 'class-validator';

/** A required text must have something besides white space. */
export const NotBlank = () => Matches(/\S/, { message: ({ property }) => `${property} must not be blank` });
