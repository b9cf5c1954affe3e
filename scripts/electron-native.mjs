console.log("electron-native: stub")
