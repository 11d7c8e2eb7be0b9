/**
 * Bridges between API packages for what one keeps package-private and another must read without a copy, in the
 * manner of the JDK's shared secrets. Not exported from the module; holds no state of its own but the bridges.
 */
package dev.hallmark.internal.access;
