package cn.onedoor.organisation;

/**
 * Published when a load changed the unit table (committed with it): whatever is made per unit (the
 * town supervisors' Tasklist filters) is made for the new units too, without a restart.
 */
public record UnitsChanged() {}
