import { render } from 'preact';
import { CalendarPopup } from '../../components/calendar/CalendarPopup';
import '../../components/calendar/styles.css';

render(<CalendarPopup />, document.getElementById('app')!);
