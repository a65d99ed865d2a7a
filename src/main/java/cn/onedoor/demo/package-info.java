/**
 * Demo data of the zero-setup run, in one place and off in production ({@code
 * onedoor.demo.enabled}): the demo people and their groups ({@link cn.onedoor.demo.DemoIdentities})
 * and, on request, demo cases for the supervisors' page ({@link cn.onedoor.demo.DemoCaseLoader}).
 */
package cn.onedoor.demo;
