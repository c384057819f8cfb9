/** Staff accounts and roles, authentication, the current user, and access rules. */
package dev.copydesk.accounts;
