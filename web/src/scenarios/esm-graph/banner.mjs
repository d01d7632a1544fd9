console.log('banner runs while prices waits');
