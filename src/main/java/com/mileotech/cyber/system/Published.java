package com.mileotech.cyber.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type its feature publishes: other features may use it (and its nested types); every other
 * type of a feature, public or not, is that feature's own. {@code FeatureBoundariesTest} fails on
 * a use of an unpublished type from another feature and on a cycle between features. Publish
 * read APIs (records and enums, a query returning them) and the few services others call; keep
 * tables, JSON and delegates inside; the process variables other features read go through the
 * owning feature's published variable contract. See docs/development.md, "Feature boundaries" and
 * "Process variables".
 */
@Published
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Published {}
