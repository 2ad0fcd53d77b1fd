// a second click while the first submission is on its way would file the complaint twice
document.getElementById('complaint-form').addEventListener('submit', function (event) {
    var button = event.target.querySelector('button[type=submit]');
    if (button.disabled) { event.preventDefault(); return; }
    button.disabled = true;
    button.dataset.label = button.textContent;
    button.textContent = button.dataset.sending; // worded in the page's language (messages*.properties)
});
// back from the confirmation, the browser may restore this page as it was: clickable again,
// a new click with the same token leads to the same confirmation
window.addEventListener('pageshow', function (event) {
    if (!event.persisted) { return; }
    var button = document.querySelector('#complaint-form button[type=submit]');
    button.disabled = false;
    if (button.dataset.label) { button.textContent = button.dataset.label; }
});
