import { render } from 'preact';

function Options() {
  return <main><h1>Portavoce</h1><p>Member profile, policy and audit arrive here.</p></main>;
}

render(<Options />, document.getElementById('app')!);
