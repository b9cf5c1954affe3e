// Browser-mode host entry (stub).
console.log('web host');
