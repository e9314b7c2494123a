/**
 * Veltrix scenarios module. See docs/architecture.md for what it owns; the classes arrive with their issues.
 */
package io.veltrix.scenarios;
