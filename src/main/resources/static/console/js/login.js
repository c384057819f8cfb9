// Fills the form's CSRF field from the cookie the login page came with, and says why we are here.
import { cookie } from './api.js';

document.getElementById('csrf').value = cookie('XSRF-TOKEN') || '';
const params = new URLSearchParams(window.location.search);
const messages = {
  bad: 'That username and password do not match an enabled account.',
  throttled: 'Too many failed sign-ins from this address. Wait a few minutes and try again.',
};
const status = document.getElementById('login-status');
if (params.has('error')) {
  status.textContent = messages[params.get('error')] || messages.bad;
  status.className = 'status error';
} else if (params.has('logout')) {
  status.textContent = 'You have signed out.';
} else if (params.has('expired')) {
  status.textContent = 'Your session has ended. Please sign in again.';
}
