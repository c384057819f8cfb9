/** How our accounts and roles reach the workflow engine: its users, groups and web-app login. */
package dev.copydesk.accounts.process;
