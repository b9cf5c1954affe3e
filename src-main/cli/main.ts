// devsim command entry (stub).
console.log('devsim');
