/** @type {import('tailwindcss').Config} */
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'media',
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: '#5b4fd6', soft: '#ece9ff', deep: '#3b2fb0' },
      },
      maxWidth: { chat: '48rem' },
    },
  },
  plugins: [],
};
