/** The {@code demo} profile: sample accounts, articles and comments so a newcomer can try every flow. */
package dev.copydesk.demo;
