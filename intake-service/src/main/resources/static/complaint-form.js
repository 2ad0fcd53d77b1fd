// a second click while the first submission is on its way would file the complaint twice
document.getElementById('complaint-form').addEventListener('submit', function (event) {
    var button = event.target.querySelector('button[type=submit]');
    if (button.disabled) { event.preventDefault(); return; }
    button.disabled = true;
    button.textContent = 'Envoi en cours…';
});
// back from the confirmation, the browser may restore this page as it was: clickable again,
// a new click with the same token leads to the same confirmation
window.addEventListener('pageshow', function (event) {
    if (!event.persisted) { return; }
    var button = document.querySelector('#complaint-form button[type=submit]');
    button.disabled = false;
    button.textContent = 'Déposer la plainte';
});
