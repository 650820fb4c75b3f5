// The NutUI components the app uses, each with its own stylesheet. Importing the library's whole
// dist/style.css would add ~230 KB of wxss (see platform-notes); add a component here with its style.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export { Button } from '@nutui/nutui-react-taro';
