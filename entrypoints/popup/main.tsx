import { render } from 'preact';

function Popup() {
  return <main><h1>Portavoce</h1><p>The editorial calendar arrives here.</p></main>;
}

render(<Popup />, document.getElementById('app')!);
