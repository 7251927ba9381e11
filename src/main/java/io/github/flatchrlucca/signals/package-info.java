/**
 * What intake, delivery, the search of Flatchr's API and the HTTP layer say happened (a webhook answered or refused
 * for its token, a hire rejected, delivered, retried or dead, a search ended, an application it found skipped, days
 * it leaves out), as small interfaces that the operations package implements (metrics, chat alerts) and the root
 * package wires: so the packages that do the work never import the one that watches them.
 */
package io.github.flatchrlucca.signals;
