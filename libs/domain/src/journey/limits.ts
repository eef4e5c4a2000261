/** Seed 002: journey, step and milestone names have at most 256 characters each. */
export const JOURNEY_NAME_MAX = 256;
/** Our bounds, so that a journey stays one reasonable event. */
export const JOURNEY_STEPS_MAX = 50;
export const STEP_MILESTONES_MAX = 50;
export const MILESTONE_DAYS_MAX = 3650;
