/**
 * Reading and validating scenario files: YAML in, a {@link io.veltrix.scenarios.model.Scenario} or every problem
 * found out, each with file, line and column. Entry point: {@link io.veltrix.scenarios.parse.ScenarioParser}.
 */
package io.veltrix.scenarios.parse;
